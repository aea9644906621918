using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Definitions;

public class IsoDurationTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 10, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("P5D", 0, 0, 0, 5, 0, 0, "0")]
    [InlineData("PT10S", 0, 0, 0, 0, 0, 0, "10")]
    [InlineData("P2W", 0, 0, 2, 0, 0, 0, "0")]
    [InlineData("P12M", 0, 12, 0, 0, 0, 0, "0")]
    [InlineData("PT1H30M", 0, 0, 0, 0, 1, 30, "0")]
    [InlineData("PT1.5S", 0, 0, 0, 0, 0, 0, "1.5")]
    [InlineData("PT1,5S", 0, 0, 0, 0, 0, 0, "1.5")]
    [InlineData("PT0.0000001S", 0, 0, 0, 0, 0, 0, "0.0000001")]
    [InlineData("P1Y2M3W4DT5H6M7.25S", 1, 2, 3, 4, 5, 6, "7.25")]
    [InlineData("-P5D", 0, 0, 0, -5, 0, 0, "0")]
    public void TryParse_ValidText_ReadsEveryComponent(
        string text, int years, int months, int weeks, int days, int hours, int minutes, string seconds)
    {
        var parsed = IsoDuration.TryParse(text, out var duration);

        Assert.True(parsed);
        Assert.Equal(
            (years, months, weeks, days, hours, minutes, decimal.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
            (duration.Years, duration.Months, duration.Weeks, duration.Days, duration.Hours, duration.Minutes, duration.Seconds));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("5D")]
    [InlineData("p5d")]
    [InlineData("P5")]
    [InlineData("PT5")]
    [InlineData("P5d")]
    [InlineData("P1.5D")]
    [InlineData("PT1.5M")]
    [InlineData("P5D5D")]
    [InlineData("P1D1Y")]
    [InlineData("PT1S1H")]
    [InlineData("P5S")]
    [InlineData("PT5D")]
    [InlineData("PT1H1H")]
    [InlineData("PTT1H")]
    [InlineData(" P5D")]
    [InlineData("P5D ")]
    [InlineData("P 5D")]
    [InlineData("P-1D")]
    [InlineData("--P1D")]
    [InlineData("+P1D")]
    [InlineData("PT.5S")]
    [InlineData("PT1.S")]
    [InlineData("PT1.12345678S")]
    [InlineData("P99999999999D")]
    [InlineData("five days")]
    [InlineData("00:00:10")]
    public void TryParse_InvalidText_ReturnsFalse(string? text)
    {
        var parsed = IsoDuration.TryParse(text, out var duration);

        Assert.False(parsed);
        Assert.Equal(default, duration);
    }

    [Theory]
    [InlineData("P5D", "P5D")]
    [InlineData("PT10S", "PT10S")]
    [InlineData("P12M", "P12M")]
    [InlineData("P2W", "P2W")]
    [InlineData("PT1H30M", "PT1H30M")]
    [InlineData("PT1,5S", "PT1.5S")]
    [InlineData("PT1.50S", "PT1.5S")]
    [InlineData("PT0.0000001S", "PT0.0000001S")]
    [InlineData("P0Y5D", "P5D")]
    [InlineData("P0D", "PT0S")]
    [InlineData("-PT0S", "PT0S")]
    [InlineData("-P1DT2H", "-P1DT2H")]
    [InlineData("P1Y2M3W4DT5H6M7S", "P1Y2M3W4DT5H6M7S")]
    [InlineData("PT90M", "PT90M")]
    public void ToString_ParsedText_IsCanonical(string text, string expected)
    {
        var duration = IsoDuration.Parse(text);

        Assert.Equal(expected, duration.ToString());
    }

    [Fact]
    public void ToString_Default_IsZeroSeconds()
    {
        Assert.Equal("PT0S", default(IsoDuration).ToString());
    }

    [Fact]
    public void Parse_InvalidText_ThrowsFormatExceptionNamingTheText()
    {
        var error = Assert.Throws<FormatException>(() => IsoDuration.Parse("5 days"));

        Assert.Contains("'5 days'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTo_OneMonthFromJanuary31_EndsOnLastDayOfFebruary()
    {
        var oneMonth = IsoDuration.Parse("P1M");

        Assert.Equal(new DateTimeOffset(2027, 2, 28, 0, 0, 0, TimeSpan.Zero), oneMonth.AddTo(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero), oneMonth.AddTo(new DateTimeOffset(2028, 1, 31, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AddTo_FractionalSeconds_AddsExactTicks()
    {
        var result = IsoDuration.Parse("PT1.5S").AddTo(Start);

        Assert.Equal(Start.AddMilliseconds(1500), result);
    }

    [Fact]
    public void AddTo_TwoWeeks_AddsFourteenDays()
    {
        var result = IsoDuration.Parse("P2W").AddTo(Start);

        Assert.Equal(Start.AddDays(14), result);
    }

    [Fact]
    public void AddTo_AllComponents_AddsMonthsThenDaysThenTime()
    {
        var start = new DateTimeOffset(2027, 1, 31, 23, 0, 0, TimeSpan.Zero);

        // 13 months → 29 Feb 2028 (clamped), +1 day → 1 Mar, +1 hour → 2 Mar 00:00.
        var result = IsoDuration.Parse("P1Y1M1DT1H").AddTo(start);

        Assert.Equal(new DateTimeOffset(2028, 3, 2, 0, 0, 0, TimeSpan.Zero), result);
    }

    [Fact]
    public void AddTo_StartWithOffset_KeepsTheOffset()
    {
        var start = new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.FromHours(-5));

        var result = IsoDuration.Parse("P1DT2H").AddTo(start);

        Assert.Equal(new DateTimeOffset(2027, 3, 11, 11, 0, 0, TimeSpan.FromHours(-5)), result);
    }

    [Fact]
    public void AddTo_NegativeDuration_GoesBackInTime()
    {
        var result = IsoDuration.Parse("-P1M").AddTo(new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2027, 2, 28, 0, 0, 0, TimeSpan.Zero), result);
    }

    [Fact]
    public void AddTo_PastTheEndOfTheCalendar_ThrowsArgumentOutOfRange()
    {
        var tooLong = IsoDuration.Parse("P9000Y");

        Assert.Throws<ArgumentOutOfRangeException>(() => tooLong.AddTo(Start));
        Assert.False(tooLong.TryAddTo(Start, out _));
    }

    [Theory]
    [InlineData("PT0S", true)]
    [InlineData("P0Y0M0W0DT0H0M0.0S", true)]
    [InlineData("PT0.0000001S", false)]
    [InlineData("P5D", false)]
    public void IsZero_ParsedText_TrueOnlyWhenEveryComponentIsZero(string text, bool expected)
    {
        Assert.Equal(expected, IsoDuration.Parse(text).IsZero);
    }

    [Fact]
    public void IsZero_Default_IsTrue()
    {
        Assert.True(default(IsoDuration).IsZero);
    }

    [Fact]
    public void Equals_SameValueWrittenDifferently_AreEqual()
    {
        Assert.Equal(IsoDuration.Parse("PT1.5S"), IsoDuration.Parse("PT1.50S"));
        Assert.Equal(IsoDuration.Parse("PT1.5S").GetHashCode(), IsoDuration.Parse("PT1,50S").GetHashCode());
        Assert.Equal(IsoDuration.Parse("PT0S"), IsoDuration.Parse("-PT0S"));
    }

    [Fact]
    public void Equals_WeeksAndSameNumberOfDays_AreDifferentValues()
    {
        // Kept as written, so a definition reads back exactly as HR wrote it.
        Assert.NotEqual(IsoDuration.Parse("P2W"), IsoDuration.Parse("P14D"));
    }

    [Fact]
    public void Constructor_MixedSigns_Throws()
    {
        Assert.Throws<ArgumentException>(() => new IsoDuration(days: 1, hours: -1));
    }

    [Fact]
    public void Constructor_SecondsFinerThanATick_Throws()
    {
        Assert.Throws<ArgumentException>(() => new IsoDuration(seconds: 0.00000001m));
    }

    [Fact]
    public void Constructor_Components_FormatLikeParsedText()
    {
        var duration = new IsoDuration(hours: 1, minutes: 30);

        Assert.Equal(IsoDuration.Parse("PT1H30M"), duration);
        Assert.Equal("PT1H30M", duration.ToString());
    }
}
