namespace MentorFlow.Local.Storage;

/// <summary>
/// The last lines a child process wrote, kept so a failure message can quote them. Bounded, because the reader must
/// keep draining the pipe for the process's whole life or the process blocks on a full pipe.
/// </summary>
internal sealed class OutputTail
{
    private readonly int _capacity;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public OutputTail(int capacity = 40)
    {
        _capacity = capacity;
    }

    public void Add(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == _capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public bool Contains(string text)
    {
        lock (_gate)
        {
            return _lines.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    public string Format()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _lines);
        }
    }

    public static string TailOf(string text, int maxLines = 20)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output)" : string.Join(Environment.NewLine, lines.TakeLast(maxLines));
    }
}
