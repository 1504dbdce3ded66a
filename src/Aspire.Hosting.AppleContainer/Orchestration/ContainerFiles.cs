using System.Text;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Aspire's container files (<c>WithContainerFiles</c>: <see cref="ContainerFileSystemCallbackAnnotation"/>) as the
/// bridge's <see cref="ContainerFileSet"/>s, as DCP maps them (<c>ContainerCreator.BuildCreateFilesAsync</c> and
/// <c>ContainerFileSystemItemExtensions.ToContainerFileSystemEntry</c>, microsoft/aspire <c>src/Aspire.Hosting/Dcp</c>):
/// each annotation's callback runs when the container is created, one set per annotation that yields entries, with
/// its destination, default owner and group and umask; an item's mode of 0 takes the umask.
/// </summary>
#pragma warning disable ASPIRECERTIFICATES001 // The HTTPS certificate context is passed on to the callbacks as DCP passes it.
internal static class ContainerFiles
{
    /// <summary>The sets of every <see cref="ContainerFileSystemCallbackAnnotation"/> of <paramref name="resource"/>, in order.</summary>
    /// <param name="resource">The container resource.</param>
    /// <param name="services">The AppHost's services, passed to the callbacks.</param>
    /// <param name="httpsCertificate">The paths of the container's HTTPS server certificate, when it has one.</param>
    /// <param name="cancellationToken">Cancels the callbacks.</param>
    /// <exception cref="BridgeException"><see cref="BridgeErrorCode.InvalidSpec"/> when a callback fails or yields an item that cannot be placed.</exception>
    public static async Task<List<ContainerFileSet>> FromAnnotationsAsync(
        IResource resource, IServiceProvider services, ContainerFileSystemCallbackHttpsCertificateContext? httpsCertificate, CancellationToken cancellationToken)
    {
        var sets = new List<ContainerFileSet>();
        foreach (var annotation in resource.Annotations.OfType<ContainerFileSystemCallbackAnnotation>())
        {
            IEnumerable<ContainerFileSystemItem>? items;
            try
            {
                var context = new ContainerFileSystemCallbackContext { Model = resource, Services = services, HttpsCertificateContext = httpsCertificate };
                items = await annotation.Callback(context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The files of '{resource.Name}' for '{annotation.DestinationPath}' could not be produced: {ex.Message}", ex) { Option = "files" };
            }

            if (ToFileSet(annotation.DestinationPath, items ?? [], annotation.DefaultOwner, annotation.DefaultGroup, annotation.Umask) is { } set)
            {
                sets.Add(set);
            }
        }

        return sets;
    }

    /// <summary>
    /// One set: <paramref name="items"/> placed under <paramref name="destination"/>; null when there are none (DCP skips
    /// an empty callback result).
    /// </summary>
    public static ContainerFileSet? ToFileSet(string destination, IEnumerable<ContainerFileSystemItem> items, int? defaultOwner = null, int? defaultGroup = null, UnixFileMode? umask = null)
    {
        var entries = ToEntries(destination, items);
        return entries.Count == 0 ? null : new ContainerFileSet
        {
            Destination = destination,
            DefaultOwner = defaultOwner,
            DefaultGroup = defaultGroup,
            Umask = (int?)umask,
            Entries = entries,
        };
    }

    /// <summary>The entries of one directory (certificate hash links numbered within it, as DCP numbers them).</summary>
    private static List<ContainerFileEntry> ToEntries(string parent, IEnumerable<ContainerFileSystemItem> items)
    {
        var certificates = new OpenSslCertificateEntries();
        var entries = new List<ContainerFileEntry>();
        foreach (var item in items)
        {
            switch (item)
            {
                case ContainerDirectory directory:
                    var path = $"{parent.TrimEnd('/')}/{item.Name}";
                    entries.Add(Entry(item) with { Kind = ContainerFileKind.Directory, Entries = ToEntries(path, directory.Entries ?? []) });
                    break;
                case ContainerOpenSSLCertificateFile certificate:
                    entries.AddRange(certificates.Of(File(parent, certificate), parent));
                    break;
                case ContainerFileBase file:
                    entries.Add(File(parent, file));
                    break;
                default:
                    throw new BridgeException(BridgeErrorCode.InvalidSpec, $"'{item.Name}' in '{parent}' is a {item.GetType().Name}, which is neither a file nor a directory.") { Option = "files" };
            }
        }

        return entries;
    }

    private static ContainerFileEntry File(string parent, ContainerFileBase file)
    {
        if (file.Contents is not null && file.SourcePath is not null)
        {
            // As DCP's ToContainerFileSystemEntry refuses it ("Both SourcePath and Contents are set for a file entry").
            throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The file '{parent.TrimEnd('/')}/{file.Name}' has both Contents and SourcePath.") { Option = "files" };
        }

        return Entry(file) with
        {
            Contents = file.Contents is { } text ? (ReadOnlyMemory<byte>?)Encoding.UTF8.GetBytes(text) : null,
            SourcePath = file.SourcePath is { } source ? Path.GetFullPath(source) : null,
            ContinueOnError = file.ContinueOnError ?? false,
        };
    }

    private static ContainerFileEntry Entry(ContainerFileSystemItem item) => new()
    {
        Name = item.Name,
        Owner = item.Owner,
        Group = item.Group,
        Mode = (int)item.Mode,
    };
}
#pragma warning restore ASPIRECERTIFICATES001
