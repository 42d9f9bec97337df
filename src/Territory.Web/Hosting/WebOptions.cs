namespace Territory.Web.Hosting;

/// <summary>Settings of the web app itself (section <c>Territory</c>).</summary>
public sealed class WebOptions
{
    /// <summary>On a start with no accounts, create "admin" with a random password printed once.</summary>
    public bool CreateFirstAdmin { get; set; }
}
