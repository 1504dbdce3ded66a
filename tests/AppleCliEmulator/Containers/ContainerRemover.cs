using AppleCliEmulator.Errors;
using AppleCliEmulator.Podman;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Containers;

/// <summary>
/// ContainersService.delete (ContainersService.swift@1.2.2:814–875): a running container is refused without force
/// ("container &lt;id&gt; is running and can not be deleted"); with force it is stopped with SIGKILL (5 s) first. The
/// podman container, the runtime helper and the state go with it.
/// </summary>
internal static class ContainerRemover
{
    public static void Remove(ContainerRecord record, bool force)
    {
        if (!record.Exists)
        {
            throw CliFailure.Of(ContainerizationError.NotFound($"container with ID {record.Id} not found"));
        }

        if (record.Status().IsRunning)
        {
            if (!force)
            {
                throw CliFailure.Of(ContainerizationError.InvalidState($"container {record.Id} is running and can not be deleted"));
            }

            ContainerStopper.Stop(record, 5, "SIGKILL");
        }

        var helper = record.Run();
        if (!record.IsVirtual)
        {
            PodmanCli.Run("rm", "--force", "--time", "0", record.PodmanName);
        }

        if (helper is not null && helper.HelperAlive())
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (helper.HelperAlive() && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }

            if (helper.HelperAlive())
            {
                _ = Native.Posix.Kill(helper.HelperPid, 9);
            }
        }

        record.State.Locked(() =>
        {
            if (Directory.Exists(record.Directory))
            {
                Directory.Delete(record.Directory, recursive: true);
            }

            return 0;
        });
    }
}
