using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>A child started by <see cref="Process"/> (Windows, which has no POSIX process groups).</summary>
internal sealed class ManagedChildProcess : IChildProcess
{
    private readonly Process _process;
    private readonly Lazy<Task<int>> _exit;

    private ManagedChildProcess(Process process)
    {
        _process = process;
        _exit = new Lazy<Task<int>>(async () =>
        {
            await _process.WaitForExitAsync().ConfigureAwait(false);
            return _process.ExitCode;
        });
    }

    public int Id => _process.Id;

    public StreamReader StandardOutput => _process.StandardOutput;

    public StreamReader StandardError => _process.StandardError;

    public StreamWriter StandardInput => _process.StandardInput;

    public bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>Starts <paramref name="startInfo"/>; its streams must be redirected.</summary>
    public static ManagedChildProcess Start(ProcessStartInfo startInfo)
    {
        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        return new ManagedChildProcess(process);
    }

    public Task<int> WaitForExitAsync() => _exit.Value;

    public void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or AggregateException)
        {
            // Already exited, exited while being killed, or part of the tree was gone.
        }
    }

    public void Dispose() => _process.Dispose();
}
