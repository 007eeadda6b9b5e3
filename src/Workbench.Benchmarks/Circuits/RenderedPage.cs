using System.Buffers.Binary;
using System.Text;

namespace Workbench.Benchmarks.Circuits;

/// <summary>
/// What a browser would show for one circuit, kept up to date from the server's render batches, so a
/// client without a browser can find an element by its id and the event handler ids Blazor assigned to
/// it. It follows the framework's binary render-batch format and edit semantics (the ones blazor.web.js
/// applies to the DOM): components are containers of their own, regions are flattened into their parent,
/// attributes do not take a child slot.
/// </summary>
public sealed class RenderedPage
{
    private const int FrameSize = 20;
    private const int EditSize = 16;
    private readonly Dictionary<int, Node> components = [];

    public sealed class Node
    {
        public int Owner { get; init; }

        public Node? Parent { get; set; }

        public List<Node> Children { get; } = [];

        public Dictionary<string, string?> Attributes { get; } = [];

        public Dictionary<string, ulong> Handlers { get; } = [];

        /// <summary>A text node's text, or a markup node's HTML.</summary>
        public string? Text { get; set; }

        public string? Id => Attributes.GetValueOrDefault("id");

        /// <summary>The text inside, as a browser's textContent would give it (markup included as written).</summary>
        public string Content => Text ?? string.Concat(Children.Select(c => c.Content));
    }

    /// <summary>Ids of elements inserted by the last batch (the client waits for these, e.g. the answer).</summary>
    public HashSet<string> Inserted { get; } = [];

    public Node? Find(string id) => components.Values.Select(c => Find(c, id)).FirstOrDefault(n => n is not null);

    private static Node? Find(Node node, string id)
    {
        if (node.Id == id)
        {
            return node;
        }

        foreach (var child in node.Children)
        {
            if (Find(child, id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    public void Apply(byte[] batch)
    {
        Inserted.Clear();
        var reader = new BatchReader(batch);
        var updated = reader.Offset(0);
        var frames = reader.Offset(1);
        var disposed = reader.Offset(2);
        var diffCount = reader.Int(updated);
        for (var d = 0; d < diffCount; d++)
        {
            var diff = reader.Int(updated + 4 + (4 * d));
            var componentId = reader.Int(diff);
            var container = Container(componentId);
            ApplyEdits(reader, frames + 4, container, componentId, diff + 8, reader.Int(diff + 4));
        }

        var disposedCount = reader.Int(disposed);
        for (var i = 0; i < disposedCount; i++)
        {
            components.Remove(reader.Int(disposed + 4 + (4 * i)));
        }
    }

    private Node Container(int componentId)
    {
        if (!components.TryGetValue(componentId, out var container))
        {
            container = new Node { Owner = componentId };
            components[componentId] = container;
        }

        return container;
    }

    private void ApplyEdits(BatchReader reader, int frames, Node container, int owner, int edits, int count)
    {
        var parent = container;
        var permutation = new List<(int From, int To)>();
        for (var e = 0; e < count; e++)
        {
            var at = edits + (e * EditSize);
            var type = reader.Int(at);
            var sibling = reader.Int(at + 4);
            var reference = reader.Int(at + 8);
            switch (type)
            {
                case 1: // prepend frame
                    Insert(reader, frames, parent, sibling, reference, owner);
                    break;
                case 2: // remove frame
                    parent.Children.RemoveAt(sibling);
                    break;
                case 3: // set attribute
                    SetAttribute(reader, frames, parent.Children[sibling], reference);
                    break;
                case 4: // remove attribute
                    var name = reader.String(at + 12) ?? string.Empty;
                    parent.Children[sibling].Attributes.Remove(name);
                    parent.Children[sibling].Handlers.Remove(name);
                    break;
                case 6: // step in
                    parent = parent.Children[sibling];
                    break;
                case 7: // step out
                    parent = parent.Parent ?? container;
                    break;
                case 9: // permutation list entry (the reference slot holds the target sibling index)
                    permutation.Add((sibling, reference));
                    break;
                case 10: // permutation list end
                    var moved = permutation.Select(p => parent.Children[p.From]).ToList();
                    for (var i = 0; i < permutation.Count; i++)
                    {
                        parent.Children[permutation[i].To] = moved[i];
                    }

                    permutation.Clear();
                    break;
                case 5 or 8: // update text, update markup
                    parent.Children[sibling].Text = reader.String(frames + (reference * FrameSize) + 4);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Inserts the frame at <paramref name="index"/> and returns how many child slots it took.</summary>
    private int Insert(BatchReader reader, int frames, Node parent, int index, int frame, int owner)
    {
        var at = frames + (frame * FrameSize);
        switch (reader.Int(at))
        {
            case 1: // element: its attributes come first, then its children
                var element = new Node { Owner = owner, Parent = parent };
                parent.Children.Insert(index, element);
                var end = frame + reader.Int(at + 4);
                var child = frame + 1;
                for (; child < end && reader.Int(frames + (child * FrameSize)) == 3; child++)
                {
                    SetAttribute(reader, frames, element, child);
                }

                InsertRange(reader, frames, element, 0, child, end, owner);
                if (element.Id is { } id)
                {
                    Inserted.Add(id);
                }

                return 1;
            case 4: // component: a container of its own, filled by that component's diffs
                var component = Container(reader.Int(at + 8));
                component.Parent = parent;
                parent.Children.Insert(index, component);
                return 1;
            case 5: // region: its children are inserted in its place
                return InsertRange(reader, frames, parent, index, frame + 1, frame + reader.Int(at + 4), owner);
            case 2 or 8: // text, markup
                parent.Children.Insert(index, new Node { Owner = owner, Parent = parent, Text = reader.String(at + 4) ?? string.Empty });
                return 1;
            default: // reference captures, render modes, named events take no slot
                return 0;
        }
    }

    private int InsertRange(BatchReader reader, int frames, Node parent, int index, int start, int end, int owner)
    {
        var first = index;
        for (var frame = start; frame < end; frame++)
        {
            var at = frames + (frame * FrameSize);
            index += Insert(reader, frames, parent, index, frame, owner);
            if (reader.Int(at) is 1 or 4 or 5)
            {
                frame += reader.Int(at + 4) - 1;
            }
        }

        return index - first;
    }

    private static void SetAttribute(BatchReader reader, int frames, Node element, int frame)
    {
        var at = frames + (frame * FrameSize);
        var name = reader.String(at + 4) ?? string.Empty;
        var handler = reader.ULong(at + 12);
        if (handler != 0)
        {
            element.Handlers[name] = handler;
        }
        else
        {
            element.Attributes[name] = reader.String(at + 8);
        }
    }

    /// <summary>Reads the little-endian batch: five offsets at the end, the string table before them.</summary>
    private readonly struct BatchReader(byte[] data)
    {
        public int Offset(int which) => Int(data.Length - 20 + (4 * which));

        public int Int(int at) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));

        public ulong ULong(int at) => BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at));

        /// <summary>A string-table reference stored at <paramref name="at"/>; -1 is null.</summary>
        public string? String(int at)
        {
            var index = Int(at);
            if (index < 0)
            {
                return null;
            }

            var position = Int(Offset(4) + (4 * index));
            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                b = data[position++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);

            return Encoding.UTF8.GetString(data, position, length);
        }
    }
}
