using System.ComponentModel.DataAnnotations;
using Territory.Domain.Events;

namespace Territory.Data.Events;

/// <summary>Settings of event review (section <c>Events</c>).</summary>
public sealed class EventOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string Section = "Events";

    /// <summary>Events read with at least this confidence are stored as auto_accepted; the others wait as pending.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Events:AutoAcceptConfidence must be between 0 and 1.")]
    public double AutoAcceptConfidence { get; set; } = EventConfidence.DefaultAutoAccept;
}
