namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>Reads every process's argv (<c>/proc/*/cmdline</c>) over and over until disposed, recording any that contains a needle.</summary>
internal sealed class ArgvSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _hits = [];

    public ArgvSampler(string needle) => _loop = Task.Run(() => Loop(needle));

    /// <summary>How many full passes over /proc were made.</summary>
    public int Passes { get; private set; }

    /// <summary>The argvs (NULs shown as spaces) that contained the needle.</summary>
    public IReadOnlyList<string> Hits
    {
        get
        {
            lock (_hits)
            {
                return [.. _hits];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _loop;
    }

    /// <summary>One pass over <c>/proc</c>: the argv of every process (NULs shown as spaces).</summary>
    public static IEnumerable<string> ReadAll()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (char.IsAsciiDigit(Path.GetFileName(directory)[0]) && TryRead(Path.Combine(directory, "cmdline")) is { } argv)
            {
                yield return argv.Replace('\0', ' ');
            }
        }
    }

    private void Loop(string needle)
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var argv in ReadAll())
            {
                if (argv.Contains(needle, StringComparison.Ordinal))
                {
                    lock (_hits)
                    {
                        _hits.Add(argv);
                    }
                }
            }

            Passes++;
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
