using Aspire.Hosting.AppleContainer.Tasks.Builds;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Builds;

public sealed class BuildErrorLocatorTests
{
    private const string MultiStage = "ARG X=1\nFROM localhost/actr-test/busybox:latest AS one\nRUN true\n\nFROM localhost/actr-test/busybox:latest\n# comment\nCOPY --from=one /bin/true /t\nRUN exit 4\n";

    private static BuildFailure? Locate(string dockerfile, params string[] output) =>
        BuildErrorLocator.Locate(output, "/src/web/Dockerfile", DockerfileInstructions.Parse(dockerfile));

    [Fact]
    public void A_podman_multi_stage_failure_maps_stage_and_step_to_the_line()
    {
        // podman 4.3.1 output for MultiStage.
        var failure = Locate(
            MultiStage,
            "[1/2] STEP 1/2: FROM localhost/actr-test/busybox:latest AS one", "[1/2] STEP 2/2: RUN true", "--> Using cache 88d9",
            "[2/2] STEP 1/4: FROM localhost/actr-test/busybox:latest", "[2/2] STEP 2/4: COPY --from=one /bin/true /t", "--> 0c6b8ce6ec1",
            "[2/2] STEP 3/4: RUN exit 4", "Error: building at STEP \"RUN exit 4\": while running runtime: exit status 4");

        Assert.Equal(new BuildFailure(8, "building at STEP \"RUN exit 4\": while running runtime: exit status 4", false), failure);
    }

    [Fact]
    public void A_podman_unknown_instruction_is_a_syntax_error_without_buildahs_step_dump()
    {
        var failure = Locate(
            "FROM localhost/actr-test/busybox:latest\nRUN true\nFOO bar\n",
            "STEP 1/4: FROM localhost/actr-test/busybox:latest", "STEP 2/4: RUN true", "STEP 3/4: FOO bar",
            "time=\"2026-11-28T08:50:58Z\" level=error msg=\"+(UNHANDLED LOGLEVEL) &imagebuilder.Step{}\"",
            "Error: building at STEP \"FOO \": Build error: Unknown instruction: \"FOO\" &imagebuilder.Step{Env:[]string{}, Command:\"foo\"}");

        Assert.Equal(new BuildFailure(3, "building at STEP \"FOO \": Build error: Unknown instruction: \"FOO\"", true), failure);
    }

    [Fact]
    public void A_BuildKit_step_failure_uses_the_Dockerfile_line_of_its_excerpt()
    {
        var failure = Locate(
            "FROM busybox\nRUN exit 3\n",
            "#6 [2/2] RUN exit 3", "#6 ERROR: process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3",
            "------", " > [2/2] RUN exit 3:", "------", "Dockerfile:2", "--------------------", "   1 |     FROM busybox",
            "   2 | >>> RUN exit 3", "--------------------",
            "ERROR: failed to solve: process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3");

        Assert.Equal(new BuildFailure(2, "failed to solve: process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3", false), failure);
    }

    [Fact]
    public void An_excerpt_of_another_file_is_not_taken_for_the_Dockerfile()
    {
        var failure = Locate("FROM busybox\n", "other.txt:3", "ERROR: failed to solve: something");
        Assert.Equal(0, failure!.Line);
    }

    [Fact]
    public void Output_without_an_error_line_locates_nothing() =>
        Assert.Null(Locate("FROM busybox\n", "STEP 1/1: FROM busybox"));

    [Fact]
    public void Instructions_skip_comments_blank_lines_and_continuations_and_honour_the_escape_directive()
    {
        var instructions = DockerfileInstructions.Parse("# escape=`\nFROM a\nRUN x `\n  # inside\n  y\n\nCOPY . /\nFROM b\nRUN z\n");
        Assert.Equal([[2, 3, 7], [8, 9]], instructions.Stages.Select(s => s.ToArray()).ToArray());
        Assert.Equal(9, instructions.LineOf(2, 2));
        Assert.Null(instructions.LineOf(3, 1));
    }
}
