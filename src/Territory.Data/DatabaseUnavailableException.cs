namespace Territory.Data;

/// <summary>The database is missing, unreachable or at the wrong schema; the message says what to fix.</summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatabaseUnavailableException()
    {
    }
}
