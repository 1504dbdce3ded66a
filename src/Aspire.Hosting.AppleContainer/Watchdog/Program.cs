using System.Runtime.InteropServices;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Watchdog;

// Waits for end-of-file on standard input (the AppHost holds the only write end, so EOF means the AppHost has
// ended, however it ended), then removes the AppHost session's containers. Interrupts aimed at the terminal's
// process group (Ctrl+C, hang-up) are ignored so that the watchdog outlives the AppHost it guards.
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

try
{
    await WaitForEndOfInputAsync(terminated.Token);
}
catch (OperationCanceledException)
{
}

using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
return await SessionCleanup.RemoveSessionContainersAsync(options, limit.Token);

static async Task WaitForEndOfInputAsync(CancellationToken cancellationToken)
{
    await using var input = Console.OpenStandardInput();
    var buffer = new byte[256];
    while (await input.ReadAsync(buffer, cancellationToken) > 0)
    {
    }
}
