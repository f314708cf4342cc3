-- Test helper: Neovim's own LSP client (vim.lsp.start_client, Neovim 0.7)
-- headless against the iur-deck language server, as an author's editor uses
-- it. Opens the slide file $IUR_FILE, waits for the unknown-icon diagnostic,
-- puts the overflowing list's lines back and saves (:write) to get the
-- overflow from the layout check, asks for completion after `icon=` and
-- after `::: `, applies the punctuation quick fix, and writes what it
-- received to $IUR_OUT as JSON. Run by tests/e2e/lsp/neovim.test.ts.
local file = os.getenv('IUR_FILE')
local out = os.getenv('IUR_OUT')
local root = os.getenv('IUR_ROOT')
local node = os.getenv('IUR_NODE')
local long = vim.fn.json_decode(os.getenv('IUR_LONG_LINES'))
local result = { log = {} }

local function say(line) table.insert(result.log, line) end

local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  local id = vim.lsp.start_client({
    name = 'iur-deck',
    cmd = { node, root .. '/src/cli/lsp.mjs', '--stdio' },
    root_dir = root,
  })
  vim.lsp.buf_attach_client(buf, id)

  local function diagnostics()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(list, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, message = d.message })
    end
    return list
  end
  local function has(part)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.message:find(part, 1, true) then return true end
    end
    return false
  end

  result.icon_seen = vim.wait(30000, function() return has('unknown icon "databse"') end, 50)
  result.before_save = diagnostics()

  -- The overflowing list back in the buffer, saved: the layout check says it.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local at
  for i, l in ipairs(lines) do
    if l == '- 第九行内容，说得很长很长很长很长很长很长' then at = i end
  end
  vim.api.nvim_buf_set_lines(buf, at, at, false, long)
  vim.cmd('write')
  result.overflow_seen = vim.wait(60000, function() return has('overflow:') end, 50)
  result.after_save = diagnostics()

  local function complete(line, character)
    local answers = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
      textDocument = { uri = uri }, position = { line = line, character = character },
    }, 10000)
    local labels = {}
    for _, a in pairs(answers or {}) do
      local items = a.result and (a.result.items or a.result) or {}
      for _, item in ipairs(items) do table.insert(labels, item.label) end
    end
    return labels
  end
  lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, l in ipairs(lines) do
    local s = l:find('icon=databse', 1, true)
    if s then result.icons = complete(i - 1, s + 4) end
  end
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { '', '::: ' })
  vim.wait(300)
  result.containers = complete(vim.api.nvim_buf_line_count(buf) - 1, 4)

  -- The quick fix for the ASCII comma between Chinese characters, applied to the buffer.
  lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local comma
  for i, l in ipairs(lines) do
    if l:find('产学研合作, ', 1, true) then comma = i - 1 end
  end
  vim.wait(5000, function() return has('ASCII punctuation') end, 50)
  local answers = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = comma, character = 0 }, ['end'] = { line = comma, character = 0 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, comma) },
  }, 10000)
  result.actions = {}
  for _, a in pairs(answers or {}) do
    for _, action in ipairs(a.result or {}) do
      table.insert(result.actions, action.title)
      if action.title == 'Write the full-width ，' then vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16') end
    end
  end
  result.fixed_line = vim.api.nvim_buf_get_lines(buf, comma, comma + 1, false)[1]

  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
end)
if not ok then result.error = tostring(err) end
finish()
