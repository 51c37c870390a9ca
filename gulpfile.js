// tsc compiles the TypeScript; icons are not TypeScript, so they are copied beside the output
// where the node and credential descriptions point with `file:` paths.
const { src, dest } = require('gulp');

function copyIcons() {
	return src(['icons/**/*.{png,svg}'], { encoding: false }).pipe(dest('dist/icons'));
}

exports['build:icons'] = copyIcons;
