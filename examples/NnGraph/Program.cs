// nngraph: the graph MLP (input -> Linear(20, 10) -> Tanh -> Linear(10, 1)), built by calling modules on nodes as in
// Lua's `nn.Linear(20, 10)(x)`, checked against the same modules run one after the other and against the numerical
// Jacobian, then drawn: mlp.dot always, mlp.svg with Graphviz's dot (apt-get install graphviz).
using Torch;
using Torch.Nn;

string outDir = args.Length > 0 ? args[0] : "nngraph-out";
Directory.CreateDirectory(outDir);
torch.ManualSeed(1);

var x = nn.Identity().Call();
var l1 = nn.Linear(20, 10);
var tanh = nn.Tanh();
var l2 = nn.Linear(10, 1);
var y = l2.Call(tanh.Call(l1.Call(x)));
var mlp = nn.GModule(new[] { x }, new[] { y });

var input = torch.Tensor(20).Uniform(-1, 1);
Tensor viaGraph = mlp.Forward(input);
Tensor byHand = l2.Forward(tanh.Forward(l1.Forward(input)));
Console.WriteLine($"graph output {(double)viaGraph[1]:F6}, modules one by one {(double)byHand[1]:F6}");
double jacobianError = Jacobian.TestJacobian(mlp, torch.Tensor(20));
Console.WriteLine($"Jacobian check of the graph: max error {jacobianError:E2}");

string dot = Path.Combine(outDir, "mlp.dot"), svg = Path.Combine(outDir, "mlp.svg");
File.WriteAllText(dot, mlp.ToDot("mlp"));
Console.WriteLine($"wrote {dot}");
try
{
    mlp.ToSvg(svg, "mlp");
    Console.WriteLine($"wrote {svg}");
}
catch (InvalidOperationException e) { Console.WriteLine($"no picture: {e.Message}"); }

bool ok = torch.Equal(viaGraph, byHand) && jacobianError < 1e-5;
Console.WriteLine(ok ? "the graph computes what its modules compute, and its gradients pass the Jacobian check" : "FAILED");
return ok ? 0 : 1;
