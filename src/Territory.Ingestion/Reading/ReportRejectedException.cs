namespace Territory.Ingestion.Reading;

/// <summary>Why a report cannot be read.</summary>
public enum ReportRejection
{
    /// <summary>No bytes, or only whitespace.</summary>
    Empty,

    /// <summary>More bytes than the caller's limit.</summary>
    TooLarge,

    /// <summary>A binary file (a known signature, NUL bytes, many control characters).</summary>
    Binary,

    /// <summary>Text in an encoding that cannot be decoded (for example truncated UTF-16).</summary>
    Undecodable,

    /// <summary>Decoded, but not readable in its format (an HTML page nested thousands of elements deep).</summary>
    Malformed,
}

/// <summary>A report refused at reading, with a message naming the problem in words an analyst understands.</summary>
public sealed class ReportRejectedException : Exception
{
    public ReportRejectedException(ReportRejection reason, string message)
        : base(message) => Reason = reason;

    public ReportRejectedException()
        : this(ReportRejection.Undecodable, "the report cannot be read")
    {
    }

    public ReportRejectedException(string message)
        : this(ReportRejection.Undecodable, message)
    {
    }

    public ReportRejectedException(string message, Exception innerException)
        : base(message, innerException) => Reason = ReportRejection.Undecodable;

    public ReportRejection Reason { get; }
}
