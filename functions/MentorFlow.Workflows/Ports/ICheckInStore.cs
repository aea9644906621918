using MentorFlow.Workflows.Cohorts;

namespace MentorFlow.Workflows.Ports;

/// <summary>Where check-ins are kept: one per participant and round, answered once.</summary>
public interface ICheckInStore
{
    /// <summary>Stores check-ins as sent; one that exists already is left as it is (a retried send never resets an answer).</summary>
    Task AddAsync(IReadOnlyList<CheckInRecord> checkIns, CancellationToken cancellationToken);

    /// <summary>The check-in, or null.</summary>
    Task<CheckInRecord?> GetAsync(string programId, string checkInId, CancellationToken cancellationToken);

    /// <summary>
    /// Records an answer atomically: returns the stored check-in, which carries this answer when it was the first, or
    /// the earlier answer. Throws <see cref="KeyNotFoundException"/> when there is no such check-in.
    /// </summary>
    Task<CheckInRecord> AnswerAsync(string programId, string checkInId, CheckInAnswer answer, CancellationToken cancellationToken);

    /// <summary>Every check-in of the program, ordered by check-in id.</summary>
    Task<IReadOnlyList<CheckInRecord>> ListAsync(string programId, CancellationToken cancellationToken);
}
