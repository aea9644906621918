using System.Diagnostics;

namespace MentorFlow.Local.Storage;

/// <summary>
/// A cross-process lock held as an open lock file. .NET opens with <see cref="FileShare.None"/> as an exclusive
/// advisory lock (flock on Unix), which the OS drops when the holder dies, so a crashed holder never leaves a stale
/// lock behind. The file itself is left in place: deleting it would let two processes lock two different files.
/// </summary>
internal sealed class ExclusiveFileLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _stream;

    private ExclusiveFileLock(FileStream stream)
    {
        _stream = stream;
    }

    public static async Task<ExclusiveFileLock> AcquireAsync(
        string path,
        TimeSpan timeout,
        Action? onFirstWait,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var waited = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new ExclusiveFileLock(
                    new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
            }
            catch (IOException ex) when (!IsMissingDirectory(ex))
            {
                if (stopwatch.Elapsed >= timeout)
                {
                    throw new AzuriteException(
                        $"Timed out after {timeout.TotalSeconds:0} s waiting for the lock file '{path}': another process " +
                        "(a second host or a parallel test run) has held it all that time. Stop that process and retry; " +
                        "the lock is released automatically when its holder exits.",
                        ex);
                }

                if (!waited)
                {
                    waited = true;
                    onFirstWait?.Invoke();
                }

                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    // A missing folder is a caller bug, not contention: retrying it until the timeout would only hide it.
    private static bool IsMissingDirectory(IOException ex) => ex is DirectoryNotFoundException;
}
