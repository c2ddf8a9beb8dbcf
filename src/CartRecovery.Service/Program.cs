using CartRecovery.Service.Demo;
using CartRecovery.Service.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCartRecovery().AddDemoTrafficWhenAsked(args);

var app = builder.Build();
app.MapCartRecoveryEndpoints();
await app.RunCartRecoveryAsync(args);
