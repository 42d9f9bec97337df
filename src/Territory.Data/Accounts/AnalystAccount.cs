namespace Territory.Data.Accounts;

/// <summary>A person who may write: ingest, review, edit, import. Viewers need no account.</summary>
public sealed record AnalystAccount(long Id, string Name, string Role, bool MustChangePassword)
{
    public const string AnalystRole = "analyst";
    public const string AdminRole = "admin";
}

/// <summary>Why an account could not be created or changed; the message is meant for the user.</summary>
public sealed class AccountException : Exception
{
    public AccountException()
    {
    }

    public AccountException(string message)
        : base(message)
    {
    }

    public AccountException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
