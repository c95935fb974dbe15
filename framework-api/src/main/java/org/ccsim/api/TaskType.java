package org.ccsim.api;

/** Extension point for a task: see {@link ComponentType} for the lifecycle and {@link Task} for use. */
public interface TaskType extends ComponentType<Task> {

  @Override
  default Class<Task> kind() {
    return Task.class;
  }
}
