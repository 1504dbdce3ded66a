using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

public sealed class CliProcessTests
{
    [Fact(Timeout = 30_000)]
    public async Task Output_completes_after_every_line_and_Exited_gives_the_exit_code()
    {
        var process = CliProcess.Start(Fake.Request("interleave", "3", "exit", "9"));
        await using (process)
        {
            var lines = new List<ProcessOutputLine>();
            await foreach (var line in process.Output.ReadAllAsync())
            {
                lines.Add(line);
            }

            Assert.Equal(9, await process.Exited);
            Assert.Equal(6, lines.Count);
            Assert.True(process.HasExited);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task The_stderr_tail_is_bounded_and_keeps_the_last_lines()
    {
        var process = CliProcess.Start(Fake.Request("err", "20000", "say-err", "final"));
        await using (process)
        {
            await process.Exited;

            var tail = process.StandardErrorTail;
            Assert.InRange(tail.Length, 1, 8 * 1024);
            Assert.EndsWith("err 20000\nfinal\n", tail);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Stopping_a_process_that_already_exited_is_harmless()
    {
        var process = CliProcess.Start(Fake.Request("say", "done"));
        await using (process)
        {
            Assert.Equal(0, await process.Exited);

            await process.StopAsync();
            await process.StopAsync();

            Assert.Equal(0, await process.Exited);
        }
    }

    [ProcFact(Timeout = 30_000)]
    public async Task Standard_input_kept_open_lets_the_caller_end_the_process()
    {
        var process = CliProcess.Start(Fake.Request("count-stdin") with { KeepStandardInputOpen = true, GracePeriod = TimeSpan.FromMilliseconds(500) });
        await using (process)
        {
            // The child reads its input to the end; while this process holds the pipe's write end, no end comes.
            Assert.True(StandardInputPipe.IsHeldOpenForWritingByThisProcess(process.ProcessId), "the child's standard input was closed");
            Assert.False(process.HasExited);

            await process.StopAsync();
            Assert.True(process.HasExited);
        }
    }
}
