using System.ComponentModel.DataAnnotations;

namespace Territory.Web.Hosting;

/// <summary>Who may frame the embed page (section <c>Embed</c>).</summary>
public sealed class EmbedOptions
{
    /// <summary>
    /// The Content-Security-Policy frame-ancestors sources of /embed, space-separated: <c>*</c> (any site, the default),
    /// or origins such as <c>'self' https://news.example</c>. Every other page may be framed by the app itself only.
    /// </summary>
    [Required]
    [RegularExpression(@"^[^;,\r\n]+$", ErrorMessage = "Embed:FrameAncestors holds CSP sources separated by spaces (no ';', ',' or line breaks).")]
    public string FrameAncestors { get; set; } = "*";
}

/// <summary>How snapshots are made (section <c>Snapshots</c>).</summary>
public sealed class SnapshotOptions
{
    /// <summary>The rsvg-convert that turns SVG snapshots into PNG (Debian's librsvg2-bin).</summary>
    [Required]
    public string RsvgConvert { get; set; } = "rsvg-convert";

    /// <summary>Seconds a PNG may take before its rasteriser is stopped.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}
