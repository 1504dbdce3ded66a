using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using BenchAppHosts;

// The baseline: Aspire's DCP runs the containers (ASPIRE_CONTAINER_RUNTIME selects podman or docker). Labels go on
// the run command line, since DCP containers have no label API.
return await BenchApp.RunAsync(args, (builder, name, label) =>
    builder.AddContainer(name, BenchApp.ServiceImage, BenchApp.ServiceTag)
        .WithContainerRuntimeArgs("--label", $"{BenchApp.RunLabel}={label}"));
