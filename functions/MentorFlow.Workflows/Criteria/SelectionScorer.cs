namespace MentorFlow.Workflows.Criteria;

/// <summary>
/// The selection score over one eligible pool: for each weighted metric, min–max normalise the value over the pool
/// (1 for everyone when all are equal; a missing value counts as 0), score = Σ weight × normalised / Σ weight.
/// Ranked by score descending, ties by lower-case email ascending (ordinal).
/// </summary>
public static class SelectionScorer
{
    public static IReadOnlyList<ScoredPerson> Rank(IReadOnlyList<PersonMetrics> pool, IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(weights);
        var used = weights.Where(w => w.Value > 0).ToList();
        var total = used.Sum(w => w.Value);
        var ranges = used.ToDictionary(
            w => w.Key,
            w =>
            {
                var values = pool.Select(p => p.Number(w.Key) ?? 0).ToList();
                return values.Count == 0 ? (Min: 0d, Max: 0d) : (Min: values.Min(), Max: values.Max());
            },
            StringComparer.Ordinal);

        var scored = pool.Select(person =>
        {
            var contributions = used.Select(w =>
            {
                var value = person.Number(w.Key) ?? 0;
                var (min, max) = ranges[w.Key];
                var normalised = max > min ? (value - min) / (max - min) : 1;
                return new Contribution(w.Key, person.Number(w.Key), normalised, w.Value, total == 0 ? 0 : w.Value * normalised / total);
            }).ToList();
            return (Person: person, Score: contributions.Sum(c => c.Points), Contributions: contributions);
        })
        .OrderByDescending(x => x.Score)
        .ThenBy(x => x.Person.Email.ToLowerInvariant(), StringComparer.Ordinal)
        .ToList();

        return [.. scored.Select((x, i) => new ScoredPerson(x.Person, Math.Round(x.Score, 6), i + 1, x.Contributions))];
    }
}
