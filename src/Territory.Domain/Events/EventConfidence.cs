namespace Territory.Domain.Events;

/// <summary>What an extracted event's confidence decides.</summary>
public static class EventConfidence
{
    /// <summary>
    /// Events read with at least this confidence are stored as auto-accepted (and drawn on the map); the others wait for an
    /// analyst. Deployments set their own (<c>Events:AutoAcceptConfidence</c>); the scorer reports the precision above it.
    /// </summary>
    public const double DefaultAutoAccept = 0.8;
}
