// nngraph: the graph MLP (input -> Linear(20, 10) -> Tanh -> Linear(10, 1)), built by calling modules on nodes as in
// Lua's `nn.Linear(20, 10)(x)`, checked against the same modules run one after the other and against the numerical
// Jacobian, then drawn: mlp.dot always, mlp.svg with Graphviz's dot (apt-get install graphviz). Then nngraph's debug mode
// (Lua's nngraph.setDebug): a graph whose second layer has the wrong input size fails in its forward, and the error names
// the node and points to broken.svg (broken.dot), the graph drawn with that node filled red.
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

// debug mode: the failing node is drawn red
var bx = nn.Identity().Call();
var hidden = nn.Tanh().Call(nn.Linear(20, 10).Call(bx).Annotate("hidden"));
var wrong = nn.Linear(5, 1).Call(hidden).Annotate("wrong_size");
var broken = nn.GModule(new[] { bx }, new[] { wrong });
broken.Name = Path.Combine(outDir, "broken");
nngraph.SetDebug(true);
bool drawnRed = false;
try { broken.Forward(input); }
catch (InvalidOperationException e)
{
    Console.WriteLine($"debug mode: {e.Message.Split('\n')[0]}");
    string brokenDot = Path.Combine(outDir, "broken.dot"), brokenSvg = Path.Combine(outDir, "broken.svg");
    drawnRed = File.ReadAllText(brokenDot).Contains($"n{wrong.Id}[style=filled, fillcolor=red]")
               && (!File.Exists(brokenSvg) || File.ReadAllText(brokenSvg).Contains("fill=\"red\""));
}
finally { nngraph.SetDebug(false); }
Console.WriteLine(drawnRed ? "the failing node is drawn red" : "FAILED: no red node");

bool ok = torch.Equal(viaGraph, byHand) && jacobianError < 1e-5 && drawnRed;
Console.WriteLine(ok ? "the graph computes what its modules compute, and its gradients pass the Jacobian check" : "FAILED");
return ok ? 0 : 1;
