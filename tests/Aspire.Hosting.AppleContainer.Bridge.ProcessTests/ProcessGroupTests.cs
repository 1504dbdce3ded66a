using System.Globalization;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

/// <summary>
/// A terminal's Ctrl+C goes to its foreground process group. CLI children run in groups of their own, so it reaches the
/// AppHost but none of its CLIs (an attached Apple CLI would forward it to the container: ProcessIO.swift@1.2.2:28-34).
/// </summary>
public sealed class ProcessGroupTests
{
    private const int SigPipe = 13;

    [ProcFact(Timeout = 30_000)]
    public async Task A_CLI_child_leads_a_process_group_of_its_own_apart_from_its_parents()
    {
        var process = CliProcess.Start(Fake.Request("sleep", "20000"));
        await using (process)
        {
            var group = Stat(process.ProcessId).Group;

            Assert.Equal(process.ProcessId, group);
            Assert.NotEqual(Stat(Environment.ProcessId).Group, group);
        }
    }

    [ProcFact(Timeout = 30_000)]
    public async Task A_CLI_child_starts_with_every_signal_at_its_default_so_it_dies_on_a_broken_pipe_as_it_would_from_a_shell()
    {
        var process = CliProcess.Start(Fake.Request("sleep", "20000"));
        await using (process)
        {
            var ignored = SignalMask(process.ProcessId, "SigIgn");

            Assert.Equal(0UL, ignored & (1UL << (SigPipe - 1)));
            Assert.Equal(0UL, SignalMask(process.ProcessId, "SigBlk"));
        }
    }

    [ProcFact(Timeout = 30_000)]
    public async Task Killing_the_tree_ends_what_the_CLI_started_in_its_group()
    {
        var pids = Path.Combine(Path.GetTempPath(), $"actr-pids-{Guid.NewGuid():N}");
        try
        {
            var process = CliProcess.Start(Fake.Request("spawn", "2", "sleep", "20000", "pids", pids, "sleep", "20000") with { GracePeriod = TimeSpan.Zero, CancelSignal = ProcessSignal.Kill });
            int child;
            await using (process)
            {
                child = await ReadChildAsync(pids);
                Assert.Equal(process.ProcessId, Stat(child).Group);
            }

            Assert.False(IsAlive(child));
        }
        finally
        {
            File.Delete(pids);
        }
    }

    private static async Task<int> ReadChildAsync(string path)
    {
        while (true)
        {
            if (File.Exists(path) && File.ReadAllLines(path) is { Length: >= 2 } lines)
            {
                return int.Parse(lines[1], CultureInfo.InvariantCulture);
            }

            await Task.Delay(20);
        }
    }

    private static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static (int Parent, int Group) Stat(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture));
    }

    private static ulong SignalMask(int pid, string field)
    {
        var line = File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return ulong.Parse(line[(field.Length + 1)..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

}
