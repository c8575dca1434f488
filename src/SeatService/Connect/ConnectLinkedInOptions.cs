using System.ComponentModel.DataAnnotations;

namespace Outreach.SeatService.Connect;

/// <summary>Section <c>ConnectLinkedIn</c>: how the connect page starts a person's LinkedIn login.</summary>
public sealed class ConnectLinkedInOptions
{
    public const string Section = "ConnectLinkedIn";

    /// <summary>
    /// The login's max_verification_wait_time (seconds; identity-service takes 1 to 3600): how long a person has
    /// to enter a code or approve in the app before the login expires and the page offers the form again.
    /// 600, identity-service's own default, unless set (e.g. <c>ConnectLinkedIn__MaxVerificationWaitSeconds=120</c>).
    /// </summary>
    [Range(1, 3600)]
    public int MaxVerificationWaitSeconds { get; set; } = 600;
}
