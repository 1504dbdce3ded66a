namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// A named volume is an ext4 disk image attached to one VM (VolumeConfiguration.swift @1.0.0, format "ext4"); two
/// containers writing it corrupt it, and 1.x checks use only when deleting a volume (VolumesService._delete). So the
/// dialect refuses to give a volume to a second *running* container when either of them may write it (checked at
/// create and again at start; stopped containers hold no VM, so sequential use stays allowed).
/// </summary>
internal static class AppleVolumeGuard
{
    /// <summary>The first conflict between <paramref name="mounts"/> (of container <paramref name="id"/>) and <paramref name="others"/>, or null.</summary>
    public static BridgeException? FindConflict(string id, IReadOnlyList<MountSpec> mounts, IEnumerable<ContainerInfo> others)
    {
        var volumes = mounts.Where(m => m.Kind == MountKind.Volume && m.Source is not null).ToList();
        if (volumes.Count == 0)
        {
            return null;
        }

        foreach (var other in others.Where(o => o.Id != id && o.State is ContainerState.Running or ContainerState.Stopping))
        {
            foreach (var mine in volumes)
            {
                var theirs = other.Mounts.FirstOrDefault(m => m.Kind == MountKind.Volume && m.Source == mine.Source);
                if (theirs is not null && (!mine.ReadOnly || !theirs.ReadOnly))
                {
                    return new BridgeException(BridgeErrorCode.VolumeInUse, $"The named volume '{mine.Source}' is already mounted by container '{other.Id}' ({other.State}); Apple's volumes are ext4 images that only one container may write.")
                    {
                        Runtime = AppleContainerRuntime.RuntimeName,
                        Option = "mount",
                        Hint = $"Remove container '{other.Id}' first, or mount '{mine.Source}' read-only in every container that shares it.",
                    };
                }
            }
        }

        return null;
    }
}
