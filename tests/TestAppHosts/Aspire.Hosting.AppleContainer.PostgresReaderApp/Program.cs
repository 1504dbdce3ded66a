using Npgsql;

// GET /seeded answers the rows of the table `seeded` (one "id:name" line each, by id), read with Npgsql through the
// connection string `pg` (from WithReference on AddPostgres).
var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("pg")
    ?? throw new InvalidOperationException("The connection string 'pg' is missing.");
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));

var app = builder.Build();

app.MapGet("/seeded", async (NpgsqlDataSource dataSource) =>
{
    await using var command = dataSource.CreateCommand("SELECT id, name FROM seeded ORDER BY id");
    await using var reader = await command.ExecuteReaderAsync();
    var lines = new List<string>();
    while (await reader.ReadAsync())
    {
        lines.Add($"{reader.GetInt32(0)}:{reader.GetString(1)}");
    }

    return Results.Text(string.Join('\n', lines));
});

app.Run();
