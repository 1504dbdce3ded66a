using System.Text;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;
using FakeCli;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

public sealed class ProcessRunnerStandardInputTests
{
    private readonly ProcessRunner _runner = new();

    [Fact(Timeout = 30_000)]
    public async Task Standard_input_text_is_written_and_then_closed()
    {
        const string Input = "first line\nsecond ünïcödé line ✓\nno newline";

        var result = await _runner.RunAsync(Fake.Request("echo-stdin") with { StandardInput = Input });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("first line\nsecond ünïcödé line ✓\nno newline\n", result.StandardOutput);
        Assert.Equal(FakeCliProtocol.StandardInputBytesPrefix + Encoding.UTF8.GetByteCount(Input) + "\n", result.StandardError);
    }

    [Fact(Timeout = 30_000)]
    public async Task Standard_input_is_closed_at_once_when_there_is_none()
    {
        var result = await _runner.RunAsync(Fake.Request("count-stdin"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(FakeCliProtocol.StandardInputBytesPrefix + "0\n", result.StandardError);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_large_standard_input_arrives_whole()
    {
        var input = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"{i}\n"));

        var result = await _runner.RunAsync(Fake.Request("count-stdin") with { StandardInput = input });

        Assert.Equal(FakeCliProtocol.StandardInputBytesPrefix + Encoding.UTF8.GetByteCount(input) + "\n", result.StandardError);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_child_that_exits_without_reading_its_input_causes_no_exception()
    {
        var unobserved = new List<AggregateException>();
        EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, e) =>
        {
            lock (unobserved)
            {
                unobserved.Add(e.Exception);
            }
        };
        TaskScheduler.UnobservedTaskException += onUnobserved;
        try
        {
            var input = new string('x', 4 * 1024 * 1024);
            for (var i = 0; i < 3; i++)
            {
                var result = await _runner.RunAsync(Fake.Request("say", "bye", "exit", "5") with { StandardInput = input });
                Assert.Equal(5, result.ExitCode);
                Assert.Equal("bye\n", result.StandardOutput);
            }

            await Task.Delay(200);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= onUnobserved;
        }

        Assert.DoesNotContain(unobserved.SelectMany(e => e.InnerExceptions), e => e.StackTrace?.Contains("AppleContainer.Bridge.Cli", StringComparison.Ordinal) == true);
    }
}
