import path from 'node:path';

/**
 * Import boundaries, checked on the resolved target of every relative import:
 * - SPA: a feature never imports another feature; shared code (components, lib) never
 *   imports features or app; features never import app.
 * - API: a module reaches another module only through its public files
 *   (*.module, *.service, *.dto, *.entity, *.errors).
 */
const API_PUBLIC = /\.(module|service|dto|entity|errors)(\.js|\.ts)?$/;

function locate(file) {
  const spa = file.match(/apps\/(web|admin)\/src\/([^/]+)(?:\/([^/]+))?/);
  if (spa)
    return {
      kind: 'spa',
      app: spa[1],
      layer: spa[2],
      feature: spa[2] === 'features' ? spa[3] : null,
    };
  const api = file.match(/apps\/api\/src\/modules\/([^/]+)/);
  if (api) return { kind: 'api', module: api[1] };
  return null;
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep features and modules from reaching into each other' },
    schema: [],
  },
  create(context) {
    const filename = context.filename;
    const from = locate(filename);
    if (!from) return {};
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (typeof source !== 'string' || !source.startsWith('.')) return;
        const target = path.resolve(path.dirname(filename), source);
        const to = locate(target);
        if (!to) return;
        if (from.kind === 'spa' && to.kind === 'spa') {
          if (to.layer === 'features' && from.layer === 'features' && to.feature !== from.feature) {
            context.report({
              node,
              message: `Feature "${from.feature}" must not import feature "${to.feature}"; move shared code to lib/ or components/.`,
            });
          } else if (
            to.layer === 'app' &&
            !['app', 'testing', 'main.tsx'].includes(from.layer) &&
            !/\.test\.tsx?$/.test(filename)
          ) {
            context.report({
              node,
              message: 'Only app/, main.tsx and tests may import from app/.',
            });
          } else if (
            to.layer === 'features' &&
            (from.layer === 'components' || from.layer === 'lib')
          ) {
            context.report({
              node,
              message: 'Shared code (components/, lib/) must not import features.',
            });
          }
        }
        if (
          from.kind === 'api' &&
          to.kind === 'api' &&
          from.module !== to.module &&
          !API_PUBLIC.test(target)
        ) {
          context.report({
            node,
            message: `Module "${from.module}" may use module "${to.module}" only through its public files (*.module, *.service, *.dto, *.entity, *.errors).`,
          });
        }
      },
    };
  },
};

export default { rules: { boundaries } };
