using System.Globalization;
using System.Text;

namespace MentorFlow.Integrations.Tests.Crm;

/// <summary>Writes CRM export CSV files into a temporary folder and deletes them afterwards.</summary>
internal sealed class CrmExportFiles : IDisposable
{
    public const string OpportunitiesHeader = "OwnerEmail,Status,Amount,CloseDate";
    public const string QuotasHeader = "OwnerEmail,PeriodStart,PeriodEnd,Quota";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"mentorflow-crm-{Guid.NewGuid():N}");

    public CrmExportFiles() => Directory.CreateDirectory(folder);

    /// <summary>The header and then each line, as a CRM report export writes them (CRLF).</summary>
    public string Opportunities(params string[] rows) => Write("opportunities.csv", OpportunitiesHeader, rows);

    public string Quotas(params string[] rows) => Write("quotas.csv", QuotasHeader, rows);

    /// <summary>Exactly this text, for header and encoding cases.</summary>
    public string Raw(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>
    /// <paramref name="rows"/> generated opportunities of 1,000 sellers: every status, amounts with cents, close dates
    /// over two years from 2025-01-01, deterministic.
    /// </summary>
    public string GeneratedOpportunities(int rows)
    {
        var path = Path.Combine(folder, "generated.csv");
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write(OpportunitiesHeader);
        writer.Write("\r\n");
        string[] statuses = ["Won", "Lost", "Open"];
        var first = new DateOnly(2025, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"seller{i % 1000:D4}@contoso.example,{statuses[i % 3]},{(i % 97) * 1000 + 0.5m},{first.AddDays(i % 730):yyyy-MM-dd}\r\n"));
        }

        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string header, string[] rows) =>
        Raw(name, header + "\r\n" + string.Concat(rows.Select(r => r + "\r\n")));
}
