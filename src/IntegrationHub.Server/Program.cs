var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpc();
var app = builder.Build();
app.Run();

/// <summary>Entry point, visible to in-memory test hosts.</summary>
public partial class Program;
