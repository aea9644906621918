using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace MentorFlow.Workflows.Definitions;

/// <summary>
/// An ISO 8601 duration, <c>P[nY][nM][nW][nD][T[nH][nM][n(.n)S]]</c>, kept as its components rather than as a
/// <see cref="TimeSpan"/> because months and years have no fixed length: "P1M" from 31 January ends on the last
/// day of February. Only seconds may have a fraction (at most 7 digits, the resolution of a tick); a leading
/// '-' makes every component negative, so that validation can say "must be longer than zero" instead of
/// "not a duration".
/// </summary>
[JsonConverter(typeof(IsoDurationJsonConverter))]
public readonly record struct IsoDuration
{
    private const int MaxFractionDigits = 7;

    // AddMonths accepts at most this many months either way; beyond it no date exists anyway.
    private const int MaxMonths = 120_000;

    /// <summary>A duration from its components, which must not mix signs.</summary>
    /// <exception cref="ArgumentException">The components mix signs, or seconds are finer than a tick.</exception>
    public IsoDuration(int years = 0, int months = 0, int weeks = 0, int days = 0, int hours = 0, int minutes = 0, decimal seconds = 0m)
    {
        var anyNegative = years < 0 || months < 0 || weeks < 0 || days < 0 || hours < 0 || minutes < 0 || seconds < 0;
        var anyPositive = years > 0 || months > 0 || weeks > 0 || days > 0 || hours > 0 || minutes > 0 || seconds > 0;
        if (anyNegative && anyPositive)
        {
            throw new ArgumentException("All components of a duration must have the same sign.");
        }

        var ticks = seconds * TimeSpan.TicksPerSecond;
        if (ticks != decimal.Truncate(ticks))
        {
            throw new ArgumentException("Seconds have at most 7 decimal places (100 ns).", nameof(seconds));
        }

        Years = years;
        Months = months;
        Weeks = weeks;
        Days = days;
        Hours = hours;
        Minutes = minutes;
        Seconds = seconds;
    }

    public int Years { get; }

    public int Months { get; }

    public int Weeks { get; }

    public int Days { get; }

    public int Hours { get; }

    public int Minutes { get; }

    /// <summary>Seconds, possibly fractional (e.g. 1.5 for "PT1.5S").</summary>
    public decimal Seconds { get; }

    /// <summary>True when every component is zero ("PT0S", "P0D", or <c>default</c>).</summary>
    public bool IsZero => Years == 0 && Months == 0 && Weeks == 0 && Days == 0 && Hours == 0 && Minutes == 0 && Seconds == 0;

    /// <summary>True for a negative duration such as "-P5D".</summary>
    public bool IsNegative => Years < 0 || Months < 0 || Weeks < 0 || Days < 0 || Hours < 0 || Minutes < 0 || Seconds < 0;

    /// <summary>Parses ISO 8601 text such as "P5D", "PT10S", "P2W", "P12M" or "PT1H30M".</summary>
    /// <exception cref="FormatException">The text is not an ISO 8601 duration.</exception>
    public static IsoDuration Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not an ISO 8601 duration such as P5D or PT10S.");

    /// <summary>Parses ISO 8601 text; false (and <c>default</c>) for anything else, never an exception.</summary>
    public static bool TryParse(string? text, out IsoDuration value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var s = text.AsSpan();
        var negative = s[0] == '-';
        if (negative)
        {
            s = s[1..];
        }

        if (s.Length < 2 || s[0] != 'P')
        {
            return false;
        }

        // Slots: Y M W D in the date part, H M S in the time part; each at most once, in that order.
        Span<int> parts = stackalloc int[6];
        decimal seconds = 0;
        var inTime = false;
        var nextSlot = 0;
        var sawTimeComponent = false;
        var i = 1;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                nextSlot = 0;
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            var whole = s[start..i];
            var fraction = ReadOnlySpan<char>.Empty;
            if (i < s.Length && (s[i] == '.' || s[i] == ','))
            {
                var fractionStart = ++i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                fraction = s[fractionStart..i];
                if (fraction.IsEmpty || fraction.Length > MaxFractionDigits)
                {
                    return false;
                }
            }

            if (i == s.Length)
            {
                return false;
            }

            var designators = inTime ? "HMS" : "YMWD";
            var slot = designators.IndexOf(s[i]);
            i++;
            if (slot < nextSlot)
            {
                return false;
            }

            nextSlot = slot + 1;
            if (!int.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var isSeconds = inTime && slot == 2;
            if (!fraction.IsEmpty && !isSeconds)
            {
                return false;
            }

            if (isSeconds)
            {
                seconds = number;
                if (!fraction.IsEmpty)
                {
                    seconds += int.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture) / Pow10(fraction.Length);
                }
            }
            else
            {
                parts[(inTime ? 4 : 0) + slot] = number;
            }

            sawTimeComponent |= inTime;
        }

        // "PT" and "P1DT" have a time designator with nothing after it.
        if (inTime && !sawTimeComponent)
        {
            return false;
        }

        // Zero seconds stay +0 so "-PT0S" equals "PT0S" in every respect.
        var sign = negative ? -1 : 1;
        value = new IsoDuration(
            sign * parts[0], sign * parts[1], sign * parts[2], sign * parts[3], sign * parts[4], sign * parts[5], seconds == 0 ? 0 : sign * seconds);
        return true;
    }

    /// <summary>
    /// The instant this long after <paramref name="start"/>, by the calendar: years and months first (as one
    /// step of 12 × years + months, so "P1M" from 31 January clamps to the end of February), then weeks and
    /// days, then hours, minutes and seconds as elapsed time. The offset of <paramref name="start"/> is kept.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The result is outside the range of <see cref="DateTimeOffset"/>.</exception>
    public DateTimeOffset AddTo(DateTimeOffset start)
    {
        var months = (12L * Years) + Months;
        if (Math.Abs(months) > MaxMonths)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Adding {this} leaves the range of dates.");
        }

        var result = start.AddMonths((int)months);
        result = result.AddDays((7L * Weeks) + Days);

        var ticks = (Hours * (decimal)TimeSpan.TicksPerHour) + (Minutes * (decimal)TimeSpan.TicksPerMinute) + (Seconds * TimeSpan.TicksPerSecond);
        if (ticks > long.MaxValue || ticks < long.MinValue)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Adding {this} leaves the range of dates.");
        }

        return result.AddTicks((long)ticks);
    }

    /// <summary>The canonical ISO 8601 text: zero components left out, "PT0S" for zero, e.g. "P5D", "PT1.5S".</summary>
    public override string ToString()
    {
        if (IsZero)
        {
            return "PT0S";
        }

        var text = new StringBuilder(IsNegative ? "-P" : "P");
        Append(text, Years, 'Y');
        Append(text, Months, 'M');
        Append(text, Weeks, 'W');
        Append(text, Days, 'D');
        if (Hours != 0 || Minutes != 0 || Seconds != 0)
        {
            text.Append('T');
            Append(text, Hours, 'H');
            Append(text, Minutes, 'M');
            if (Seconds != 0)
            {
                text.Append(Math.Abs(Seconds).ToString("0.#######", CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.ToString();
    }

    /// <summary>Like <see cref="AddTo"/>, but false instead of an exception when the result has no date.</summary>
    internal bool TryAddTo(DateTimeOffset start, out DateTimeOffset end)
    {
        try
        {
            end = AddTo(start);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            end = default;
            return false;
        }
    }

    private static void Append(StringBuilder text, int component, char designator)
    {
        if (component != 0)
        {
            text.Append(Math.Abs((long)component).ToString(CultureInfo.InvariantCulture)).Append(designator);
        }
    }

    private static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var d = 0; d < digits; d++)
        {
            result *= 10;
        }

        return result;
    }
}
