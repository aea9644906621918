using System.Text;
using Sylvan.Data.Csv;

namespace MentorFlow.Integrations.Crm;

/// <summary>
/// Streams one CSV export row by row after checking its header is exactly the expected one. Blank lines are passed
/// over; a row with the wrong number of fields, or CSV that cannot be read on (an unclosed quote), is reported with
/// its line. Fields are read as spans, so a row costs no strings unless the caller makes one.
/// </summary>
internal sealed class CsvExportReader : IAsyncDisposable
{
    private const int BufferSize = 1 << 16;
    private readonly CsvDataReader reader;
    private readonly CrmProblemList problems;
    private readonly int fieldCount;

    private CsvExportReader(CsvDataReader reader, CrmProblemList problems, int fieldCount)
    {
        this.reader = reader;
        this.problems = problems;
        this.fieldCount = fieldCount;
    }

    /// <summary>The current row's line in the file (the header is line 1; a quoted field spanning lines is not counted twice).</summary>
    public long Line => reader.RowNumber + 1;

    /// <summary>The current row's field, without quotes and surrounding white space.</summary>
    public ReadOnlySpan<char> Field(int ordinal) => reader.GetFieldSpan(ordinal).Trim();

    /// <summary>Opens <paramref name="path"/> and checks its header is <paramref name="header"/>, exactly.</summary>
    public static async Task<CsvExportReader> OpenAsync(string path, string subject, string header, CrmProblemList problems, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        CsvDataReader? reader = null;
        try
        {
            var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
            try
            {
                reader = await CsvDataReader.CreateAsync(
                    text,
                    new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true, OwnsReader = true, BufferSize = BufferSize },
                    cancellationToken);
            }
            catch (CsvMissingHeadersException)
            {
                throw new CrmDataException($"{subject} '{path}' is empty; its first line must be the header '{header}'.") { Location = path };
            }

            var found = string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
            if (!string.Equals(found, header, StringComparison.Ordinal))
            {
                throw new CrmDataException($"{subject} '{path}' must start with the header '{header}' (exactly these columns, in this order); its header is '{found}'.")
                {
                    Location = path,
                };
            }

            return new CsvExportReader(reader, problems, reader.FieldCount);
        }
        catch
        {
            if (reader is not null)
            {
                await reader.DisposeAsync();
            }

            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>Moves to the next row that has the header's number of fields; false at the end (or where the CSV breaks off).</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return false;
                }
            }
            catch (CsvFormatException e)
            {
                // Past a broken quote nothing can be trusted: report where, and stop reading.
                problems.Add($"line {Line}: {e.Message}");
                return false;
            }

            var count = reader.RowFieldCount;
            if (count == fieldCount)
            {
                return true;
            }

            if (count == 1 && reader.GetFieldSpan(0).IsWhiteSpace())
            {
                continue;
            }

            problems.Add($"line {Line}: expected {fieldCount} fields, found {count}");
        }
    }

    public ValueTask DisposeAsync() => reader.DisposeAsync();
}
