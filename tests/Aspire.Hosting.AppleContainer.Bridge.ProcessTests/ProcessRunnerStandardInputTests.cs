using System.Runtime.CompilerServices;
using System.Text;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;
using FakeCli;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

public sealed class ProcessRunnerStandardInputTests
{
    private static readonly string UnobservedControl = $"unobserved control {Guid.NewGuid():N}";
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
    public async Task Standard_input_bytes_arrive_unchanged_even_where_they_are_not_UTF_8()
    {
        // A tar (container files) holds NUL and bytes no text encoding would keep: 0xFF alone would grow to 3 bytes.
        var input = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 7 == 0 ? 0xFF : i % 256)).ToArray();

        var result = await _runner.RunAsync(Fake.Request("count-stdin") with { StandardInputBytes = input });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(FakeCliProtocol.StandardInputBytesPrefix + input.Length + "\n", result.StandardError);
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

            // The runner waits for its input feed and output pumps before it returns, so every task it made is done;
            // a fault of our own, left unobserved, shows that the collection below does report what is unobserved.
            // A collection does not always finalize the control at once: collect until it is reported (a bounded wait
            // on that signal), so that garbage older than it has had the same chances.
            LeaveAnUnobservedFault(UnobservedControl);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (!ControlReported(unobserved) && DateTime.UtcNow < deadline)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                await Task.Delay(20);
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= onUnobserved;
        }

        List<Exception> faults;
        lock (unobserved)
        {
            faults = unobserved.SelectMany(e => e.InnerExceptions).ToList();
        }

        Assert.Contains(faults, e => e.Message == UnobservedControl);
        Assert.DoesNotContain(faults, e => e.StackTrace?.Contains("AppleContainer.Bridge.Cli", StringComparison.Ordinal) == true);
    }

    private static bool ControlReported(List<AggregateException> unobserved)
    {
        lock (unobserved)
        {
            return unobserved.SelectMany(e => e.InnerExceptions).Any(e => e.Message == UnobservedControl);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveAnUnobservedFault(string message)
    {
        var fault = Task.Run(new Action(() => throw new InvalidOperationException(message)));
        ((IAsyncResult)fault).AsyncWaitHandle.WaitOne();
    }
}
