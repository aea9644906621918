using MentorFlow.Integrations;
using MentorFlow.Integrations.Crm;
using MentorFlow.Integrations.Email;
using MentorFlow.Integrations.SendGridEvents;
using MentorFlow.Workflows;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<MentorFlow.Functions.StorageUnavailableMiddleware>();
builder.Services.AddMentorFlowWorkflows();
builder.Services.AddMentorFlowTableStorage();
builder.Services.AddMentorFlowDirectory();
builder.Services.AddMentorFlowCrm();
builder.Services.AddMentorFlowEmail();
builder.Services.AddMentorFlowSendGridEvents();
builder.Build().Run();
