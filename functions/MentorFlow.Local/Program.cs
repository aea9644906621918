using MentorFlow.Local.Hosting;

// The host's own files (appsettings.json) live beside it; relative paths in settings (data directory, sample files)
// are taken from the working directory, where `dotnet run` was typed.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
await using var storage = await builder.AddMentorFlowLocalHostAsync();

var app = builder.Build();
app.UseMentorFlowLocalHost();
await app.RunAsync();
