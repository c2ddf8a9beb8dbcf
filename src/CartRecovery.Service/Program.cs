using CartRecovery.Service.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCartRecovery();

var app = builder.Build();
app.MapCartRecoveryEndpoints();
await app.RunCartRecoveryAsync(args);
