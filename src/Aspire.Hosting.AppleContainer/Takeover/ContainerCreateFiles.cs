using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Takeover;

/// <summary>
/// Files to write into a created container before it starts, in Aspire's own item types: what DCP receives as one
/// <c>ContainerCreateFileSystem</c> (Aspire 13.6 <c>Dcp/Model/Container.cs</c>) and writes with one <c>CreateFiles</c>
/// call (microsoft/dcp <c>controllers/container_controller.go</c>). An item without an owner, group or mode takes
/// <see cref="DefaultOwner"/>, <see cref="DefaultGroup"/> (root when null) and <c>0666</c> (files) or <c>0777</c>
/// (directories) less <see cref="Umask"/>.
/// </summary>
/// <param name="Destination">The absolute directory in the container the items are written under (created as needed).</param>
/// <param name="Entries">The files and directories.</param>
internal sealed record ContainerCreateFiles(string Destination, IReadOnlyList<ContainerFileSystemItem> Entries)
{
    /// <summary>DCP's default umask (<c>osutil.DefaultUmaskBitmask</c>), used when <see cref="Umask"/> is null.</summary>
    public const UnixFileMode DefaultUmask = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>The owner of items that name none; root when null.</summary>
    public int? DefaultOwner { get; init; }

    /// <summary>The group of items that name none; root when null.</summary>
    public int? DefaultGroup { get; init; }

    /// <summary>The umask applied to items without a mode; <see cref="DefaultUmask"/> when null.</summary>
    public UnixFileMode? Umask { get; init; }
}
