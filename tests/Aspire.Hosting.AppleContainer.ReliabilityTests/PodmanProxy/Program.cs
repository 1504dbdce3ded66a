using System.Diagnostics;
using System.Runtime.InteropServices;

// A podman CLI whose service can be "stopped": it runs the real podman with the same argv and inherited stdio while
// the file named by ENGH_PODMAN_PROXY_SWITCH does not say "down". When it says "down" (at start, or later while the
// real podman still runs, e.g. `podman wait` or `podman logs -f`), it kills the real podman and fails exactly as
// podman does when its service cannot be reached. SIGINT and SIGTERM are passed on to the real podman.
const string Unreachable =
    "Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`, or try `podman machine init` and `podman machine start` to manage a new Linux VM\n" +
    "Error: unable to connect to Podman socket: dial unix /run/podman/podman.sock: connect: connection refused";
var switchFile = Environment.GetEnvironmentVariable("ENGH_PODMAN_PROXY_SWITCH");
var target = Environment.GetEnvironmentVariable("ENGH_PODMAN_PROXY_TARGET") ?? "/usr/bin/podman";

if (IsDown())
{
    return Fail();
}

var startInfo = new ProcessStartInfo(target) { UseShellExecute = false };
foreach (var arg in args)
{
    startInfo.ArgumentList.Add(arg);
}

using var podman = Process.Start(startInfo)!;
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Forward);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Forward);
while (!podman.WaitForExit(100))
{
    if (IsDown())
    {
        podman.Kill(entireProcessTree: true);
        podman.WaitForExit();
        return Fail();
    }
}

return podman.ExitCode;

bool IsDown()
{
    try
    {
        return switchFile is not null && File.ReadAllText(switchFile).Trim() == "down";
    }
    catch (IOException)
    {
        return false;
    }
}

int Fail()
{
    Console.Error.WriteLine(Unreachable);
    return 125;
}

void Forward(PosixSignalContext context)
{
    context.Cancel = true; // this process ends when podman does
    _ = Kill(podman.Id, context.Signal == PosixSignal.SIGINT ? 2 : 15);
}

[DllImport("libc", EntryPoint = "kill")]
static extern int Kill(int pid, int signal);
