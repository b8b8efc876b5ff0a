// The same JSON-module hook the validators use (Node 20 and the @actions/* schema imports).
import { register } from "node:module";

register("../validators/json-loader.mjs", import.meta.url);
