using MentorFlow.Integrations;
using MentorFlow.Workflows;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddMentorFlowWorkflows();
builder.Services.AddMentorFlowTableStorage();
builder.Build().Run();
