/// What pandoc reads of a Word document that the GitHub Markdown it writes would lose (merged
/// table cells, tables of photos, a paragraph in Word's Title style), kept by a pandoc Lua filter:
/// a filter works on pandoc's own reading of the document, which its Markdown no longer has.
/// Checked on real documents in Tests/SiteChecks/import_check.py.
enum PandocFilter {
    static let lua = #"""
-- What pandoc reads of a Word document that its GitHub Markdown would lose.
--
-- Word tables as GitHub Markdown can write them (pandoc writes any other as "[TABLE]"): one
-- line of text per cell, no merged cells, a header row. A cell's paragraphs are joined with a
-- space; a cell merged down is repeated in each row it covers (its text applies to each), one
-- merged across is written once and followed by empty cells; a first row that is one cell across
-- the whole table is its title, written as the paragraph before it; a table with no header row
-- takes its first row as one. A table of photos is no table (see photo_layout).

local function text_of(cell)
  local inlines = pandoc.List()
  for _, block in ipairs(cell.contents) do
    local words = (block.t == "Para" or block.t == "Plain") and block.content or pandoc.List({ pandoc.Str(pandoc.utils.stringify(block)) })
    if #inlines > 0 and #words > 0 then inlines:insert(pandoc.Space()) end
    for _, inline in ipairs(words) do
      if inline.t == "LineBreak" or inline.t == "SoftBreak" then inline = pandoc.Space() end
      inlines:insert(inline)
    end
  end
  return pandoc.Plain(inlines)
end

local function simple_rows(rows, width, below)
  local result = pandoc.List()
  for _, row in ipairs(rows) do
    local cells = pandoc.List()
    local source = 1
    for column = 1, width do
      local carried = below[column]
      if carried and carried.rows > 0 then
        cells:insert(pandoc.Cell({ carried.block }))
        carried.rows = carried.rows - 1
      elseif source <= #row.cells then
        local cell = row.cells[source]
        source = source + 1
        local block = text_of(cell)
        cells:insert(pandoc.Cell({ block }))
        if cell.row_span > 1 then below[column] = { rows = cell.row_span - 1, block = block } end
        for _ = 2, cell.col_span do
          if #cells < width then cells:insert(pandoc.Cell({})) end
        end
      else
        cells:insert(pandoc.Cell({}))
      end
      if #cells >= width then break end
    end
    while #cells < width do cells:insert(pandoc.Cell({})) end
    result:insert(pandoc.Row(cells))
  end
  return result
end

-- A first row that is one cell across the whole table is its title: a paragraph before it.
local function take_title(table, width)
  local rows = #table.head.rows > 0 and table.head.rows or (#table.bodies > 0 and table.bodies[1].body or nil)
  local count = #table.head.rows
  for _, body in ipairs(table.bodies) do count = count + #body.body end
  if not rows or count < 2 or #rows[1].cells ~= 1 or rows[1].cells[1].col_span < width or width < 2 then return nil end
  return pandoc.Para(text_of(rows:remove(1).cells[1]).content)
end

-- A table holding pictures lays photos out with their captions: it is written out column by
-- column (a caption is under its photo, or beside it in the same cell), each cell's text a paragraph.
local function photo_layout(table)
  local pictures = false
  pandoc.walk_block(pandoc.Div({ table }), { Image = function() pictures = true end })
  if not pictures then return nil end
  local rows = pandoc.List()
  rows:extend(table.head.rows)
  for _, body in ipairs(table.bodies) do
    rows:extend(body.head)
    rows:extend(body.body)
  end
  rows:extend(table.foot.rows)
  local blocks = pandoc.List()
  for column = 1, #table.colspecs do
    for _, row in ipairs(rows) do
      local cell = row.cells[column]
      if cell then
        for _, block in ipairs(cell.contents) do
          blocks:insert(block.t == "Plain" and pandoc.Para(block.content) or block)
        end
      end
    end
  end
  return blocks
end

function Table(table)
  local photos = photo_layout(table)
  if photos then return photos end
  local width = #table.colspecs
  local title = take_title(table, width)
  local below = {}
  table.head.rows = simple_rows(table.head.rows, width, below)
  for _, body in ipairs(table.bodies) do
    body.head = simple_rows(body.head, width, below)
    body.body = simple_rows(body.body, width, below)
  end
  table.foot.rows = simple_rows(table.foot.rows, width, below)
  if #table.head.rows == 0 and #table.bodies > 0 and #table.bodies[1].body > 0 then
    table.head.rows = pandoc.List({ table.bodies[1].body:remove(1) })
  end
  if title then return { title, table } end
  return table
end

-- A paragraph in Word's Title style is read into the document's metadata, which Markdown without
-- front matter drops: it goes back in front, as the heading the import takes for the title.
function Pandoc(document)
  local title = document.meta.title
  if title then
    document.blocks:insert(1, pandoc.Header(1, { pandoc.Str(pandoc.utils.stringify(title)) }))
  end
  return document
end
"""#
}
