# __debug__, sys.implementation, sys.flags and the __future__ module.
import sys
import __future__

print(__debug__, type(__debug__).__name__)
impl = sys.implementation
print(impl.name in ("cpython", "coil"), impl.version == sys.version_info)
print(impl.cache_tag is None or impl.cache_tag.startswith("cpython"))
print(type(impl).__name__, impl.hexversion == sys.hexversion)
print(sys.version_info.major, sys.version_info.minor, sys.version_info[:2])
print(sys.version_info >= (3, 11), type(sys.version_info).__name__)
print(sys.flags.optimize, sys.flags.debug, sys.flags.verbose, sys.flags.dev_mode)
print(__future__.annotations.compiler_flag, __future__.division.mandatory)
print(sorted(__future__.all_feature_names)[:3])
print(isinstance(sys.path, list), isinstance(sys.meta_path, list))
print(type(sys.path_importer_cache).__name__)
