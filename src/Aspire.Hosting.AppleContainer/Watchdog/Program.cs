using System.Runtime.InteropServices;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Watchdog;

// Reads standard input until end-of-file (the AppHost holds the only write end, so EOF means the AppHost has ended,
// however it ended): meanwhile the AppHost reports its CLI children on it. Then it ends the CLI children still running
// (their process groups: a log follow would otherwise outlive the AppHost) and removes the session's containers.
// Interrupts aimed at the terminal's process group (Ctrl+C, hang-up) are ignored so that the watchdog outlives the
// AppHost it guards.
if (WatchdogArguments.Parse(args) is not { } options)
{
    Console.Error.WriteLine("usage: watchdog --session ID --runtime NAME [--cli PATH]");
    return 2;
}

using var terminated = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => context.Cancel = true);
using var sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, context => context.Cancel = true);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    terminated.Cancel();
});

var children = new ChildProcessList();
try
{
    await ReadReportsAsync(children, terminated.Token);
}
catch (OperationCanceledException)
{
}

children.EndRunning();
using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
return await SessionCleanup.RemoveSessionContainersAsync(options, limit.Token);

static async Task ReadReportsAsync(ChildProcessList children, CancellationToken cancellationToken)
{
    using var input = new StreamReader(Console.OpenStandardInput());
    while (await input.ReadLineAsync(cancellationToken) is { } line)
    {
        children.Apply(line);
    }
}
