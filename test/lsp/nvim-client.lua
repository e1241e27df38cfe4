-- Neovim (0.7+) as a real LSP client of ogi-report-server, run headless by the tests. It is also the
-- configuration shown in the README: a filetype for reports and vim.lsp.start on it.
local server = os.getenv('OGI_SERVER') or 'ogi-report-server'
local out = os.getenv('OGI_OUT')
local cmd = server:match('%.js$') and { 'node', server, '--stdio' } or { server, '--stdio' }

vim.cmd([[autocmd BufRead,BufNewFile *政府信息公开*年度报告*,*.ogi setfiletype ogireport]])
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'ogireport',
  callback = function(args)
    local start = vim.lsp.start or function(config)
      local id = vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, id)
      return id
    end
    start({ name = 'ogi-report', cmd = cmd, root_dir = vim.fn.getcwd() })
  end,
})

if out then
  vim.defer_fn(function()
    local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
    local result = {}
    for _, d in ipairs(vim.diagnostic.get(0)) do
      table.insert(result, { code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message, lnum = d.lnum })
    end
    local f = io.open(out, 'w')
    f:write(vim.fn.json_encode(result))
    f:close()
    vim.cmd(ok and 'qall!' or 'cquit!')
  end, 100)
end
