// preact 11 ships ES modules only (.mjs). Node 20 requires them natively, jest's CommonJS runtime does not (before
// Node 24.9): this transform hands jest the same modules as CommonJS, compiled by the TypeScript compiler.
const ts = require('typescript');

module.exports = {
  process(source, filename) {
    const { outputText, sourceMapText } = ts.transpileModule(source, {
      // A .js name: TypeScript would keep an .mjs file an ES module whatever `module` says.
      fileName: filename.replace(/\.mjs$/, '.js'),
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        sourceMap: true,
      },
    });
    return { code: outputText, map: sourceMapText };
  },
};
