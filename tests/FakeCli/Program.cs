using FakeCli;

return new FakeCliScript(args).Run();
