// A module of your own, written the Lua way (Swish.cs: UpdateOutput / UpdateGradInput / AccGradParameters), checked with
// nn.Jacobian as nn's own tests check every module, then trained inside an nn.Sequential like any built-in layer.
using Torch;
using Torch.Nn;

torch.ManualSeed(1);
var swish = new Swish(5);
swish.Weight.Uniform(0.5, 2);
double inputError = Jacobian.TestJacobian(swish, torch.Tensor(3, 5));
double betaError = Jacobian.TestJacobianParameters(swish, torch.Tensor(3, 5), swish.Weight, swish.GradWeight);
double sampleError = Jacobian.TestJacobian(swish, torch.Tensor(5));
Console.WriteLine($"Jacobian check, input (batch of 3): max error {inputError:E2}");
Console.WriteLine($"Jacobian check, input (one sample): max error {sampleError:E2}");
Console.WriteLine($"Jacobian check, β: max error {betaError:E2}");

// It trains like any layer: fit y = sin(x1) + x2² with Linear -> Swish -> Linear
var x = torch.Tensor(256, 2).Uniform(-2, 2);
var y = torch.Tensor(256, 1);
for (int i = 1; i <= 256; i++) y[i, 1] = Math.Sin(x[i, 1]) + x[i, 2] * x[i, 2];
var net = nn.Sequential().Add(nn.Linear(2, 32)).Add(new Swish(32)).Add(nn.Linear(32, 1));
var crit = nn.MSECriterion();
Console.WriteLine(net);
double first = 0, last = 0;
for (int step = 1; step <= 500; step++)
{
    net.ZeroGradParameters();
    double loss = crit.Forward(net.Forward(x), y);
    net.Backward(x, crit.Backward(net.Output, y));
    net.UpdateParameters(0.05);
    if (step == 1) first = loss;
    last = loss;
    if (step % 100 == 0) Console.WriteLine($"step {step}: mean squared error {loss:F5}");
}

bool ok = Math.Max(inputError, Math.Max(sampleError, betaError)) < 1e-5 && last < first / 20;
Console.WriteLine(ok ? "Swish passes the Jacobian checks and trains (error down from " + $"{first:F3} to {last:F4})" : "FAILED");
return ok ? 0 : 1;
