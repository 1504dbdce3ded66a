using Aspire.Hosting.AppleContainer.Bridge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Selects the runtime once from the AppHost's configuration (which includes the environment):
/// <c>ASPIRE_APPLECONTAINER_RUNTIME</c>, <c>ASPIRE_APPLECONTAINER_CLI</c>, <c>ASPIRE_APPLECONTAINER_MAX_VM_TRANSITIONS</c>,
/// and keeps it while it is usable; a failed selection is not cached, so a runtime started later is picked up by a restart.
/// </summary>
internal sealed class SelectedContainerRuntimeProvider : IContainerRuntimeProvider
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IConfiguration _configuration;
    private readonly ILoggerFactory _loggerFactory;
    private ActiveRuntime? _active;

    /// <summary>
    /// Creates the provider reading <paramref name="configuration"/>; the runtime logs its CLI calls through
    /// <paramref name="loggerFactory"/> (at Debug, under <c>Aspire.Hosting.AppleContainer.Bridge.*</c>).
    /// </summary>
    public SelectedContainerRuntimeProvider(IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        _configuration = configuration;
        _loggerFactory = loggerFactory;
    }

    /// <inheritdoc />
    public async Task<ActiveRuntime> GetRuntimeAsync(CancellationToken cancellationToken)
    {
        if (_active is { } active)
        {
            return active;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_active is null)
            {
                var options = RuntimeSelectionOptions.FromSettings(key => _configuration[key]) with { LoggerFactory = _loggerFactory };
                var selection = await ContainerRuntimeSelector.SelectRememberingAsync(options, cancellationToken).ConfigureAwait(false);
                var runtime = selection.Runtime;
                var info = selection.Info ?? await runtime.DetectAsync(cancellationToken).ConfigureAwait(false);
                if (info.Problem is { } problem)
                {
                    throw problem;
                }

                _active = new ActiveRuntime(runtime, info);
                _loggerFactory.CreateLogger<SelectedContainerRuntimeProvider>().LogInformation("Container runtime: {Choice}.", ContainerRuntimeSelector.DescribeChoice(options, info));
            }

            return _active;
        }
        finally
        {
            _gate.Release();
        }
    }
}
