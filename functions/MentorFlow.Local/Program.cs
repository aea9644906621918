using MentorFlow.Local.Hosting;

var builder = WebApplication.CreateBuilder(args);
await using var storage = await builder.AddMentorFlowLocalHostAsync();

var app = builder.Build();
app.UseMentorFlowLocalHost();
await app.RunAsync();
